import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CsvDelimiter } from '@kotizo/contracts';
import { type Observable, map } from 'rxjs';
import { cooperativeUrl } from '../cooperative/cooperative-api';

export const EXPORT_FILES = ['movements', 'members', 'loans', 'dues', 'cases'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export const dashboardUrl = (slug: string) => `${cooperativeUrl(slug)}/dashboard`;
export const exportUrl = (slug: string, file: ExportFile) => `${cooperativeUrl(slug)}/exports/${file}`;
export const FEDERATION_OVERVIEW_URL = '/api/v1/federation/overview';

/** `;` for French (Excel there reads decimals with a comma), `,` otherwise: the API's own default. */
export const defaultDelimiter = (lang: string): CsvDelimiter => (lang === 'fr' ? ';' : ',');

/** The file name the API suggests (`Content-Disposition`), or `fallback`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const star = disposition ? /filename\*=UTF-8''([^;]+)/i.exec(disposition) : null;
  if (star) return decodeURIComponent(star[1]);
  const plain = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return plain ? plain[1] : fallback;
}

export interface CsvDownload {
  filename: string;
  /** With its byte order mark, so Excel reads accents. */
  content: string;
}

/**
 * CSV files of the API, fetched with the user's token (a plain link would not carry it) and
 * handed to the browser as a download.
 */
@Injectable({ providedIn: 'root' })
export class DashboardsApi {
  private readonly http = inject(HttpClient);

  csv(url: string, params: Record<string, string>, fallbackName: string): Observable<CsvDownload> {
    return this.http.get(url, { params, responseType: 'text', observe: 'response' }).pipe(
      map((response) => {
        const body = response.body ?? '';
        return {
          filename: attachmentName(response.headers.get('content-disposition'), fallbackName),
          // The byte order mark does not survive decoding as text: put it back.
          content: body.startsWith('\uFEFF') ? body : `\uFEFF${body}`,
        };
      }),
    );
  }
}

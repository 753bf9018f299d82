import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ImportCommitResponse,
  ImportMapping,
  ImportMappingRequest,
  ImportPreviewResponse,
  ImportUploadResponse,
} from '@kotizo/contracts';
import type { Observable } from 'rxjs';
import { cooperativeUrl } from '../cooperative/cooperative-api';

export const importsUrl = (slug: string) => `${cooperativeUrl(slug)}/imports`;
export const importUrl = (slug: string, id: string) => `${importsUrl(slug)}/${encodeURIComponent(id)}`;

/** A header value must be ASCII: a name such as `relevé.csv` goes percent-encoded. */
export const fileNameHeader = (name: string) => (/^[\x20-\x7e]*$/.test(name) ? name : encodeURIComponent(name));

/**
 * The three steps of a CSV import (see docs/imports.md). Nothing is recorded before `commit`,
 * which records every row or none; a preview or commit may be sent again safely.
 */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** The file goes as the raw body: the API reads it as it arrives, whatever its size. */
  upload(slug: string, file: File): Observable<ImportUploadResponse> {
    return this.http.post<ImportUploadResponse>(importsUrl(slug), file, {
      headers: { 'Content-Type': 'text/csv', 'X-File-Name': fileNameHeader(file.name) },
    });
  }

  preview(slug: string, id: string, mapping: ImportMapping): Observable<ImportPreviewResponse> {
    const body: ImportMappingRequest = { mapping };
    return this.http.post<ImportPreviewResponse>(`${importUrl(slug, id)}/preview`, body);
  }

  commit(slug: string, id: string, mapping: ImportMapping): Observable<ImportCommitResponse> {
    const body: ImportMappingRequest = { mapping };
    return this.http.post<ImportCommitResponse>(`${importUrl(slug, id)}/commit`, body);
  }
}

import { RequestMethod, VERSION_NEUTRAL } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { IS_PUBLIC, PERMISSION } from '../platform/authorization/permission.decorators.js';

export interface RouteInfo {
  method: string;
  path: string;
  handler: string;
  isPublic: boolean;
  permission: unknown;
}

function join(...parts: (string | undefined)[]): string {
  return (
    '/' +
    parts
      .flatMap((p) => (p ?? '').split('/'))
      .filter(Boolean)
      .join('/')
  );
}

/** Every HTTP route the application serves, read from the controllers' metadata. */
export function routeInventory(app: INestApplicationContext): RouteInfo[] {
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  const controllers = [...app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()]);
  for (const wrapper of controllers) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller || !wrapper.instance) continue;
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    const version = Reflect.getMetadata(VERSION_METADATA, controller) as string | symbol | undefined;
    const prefix = version === VERSION_NEUTRAL ? [] : ['api', `v${String(version ?? '1')}`];
    const proto = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? 'GET';
      routes.push({
        method,
        path: join(...prefix, base, path),
        handler: `${controller.name}.${name}`,
        isPublic:
          Reflect.getMetadata(IS_PUBLIC, handler) === true || Reflect.getMetadata(IS_PUBLIC, controller) === true,
        permission: Reflect.getMetadata(PERMISSION, handler) ?? Reflect.getMetadata(PERMISSION, controller),
      });
    }
  }
  return routes;
}

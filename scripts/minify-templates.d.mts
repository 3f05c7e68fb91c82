// Types of scripts/minify-templates.mjs, for bench/size.ts, .storybook/main.ts and the tests.
import type { Plugin } from 'vite';
import type { TransformationContext, SourceFile, Transformer } from 'typescript';

export function minifyCss(text: string, first?: boolean, last?: boolean): string;
export function minifyHtml(text: string): string;
export function minifyTemplates(code: string, fileName?: string): string;
export function templatesPlugin(): Plugin;
export function templatesTransformer(context: TransformationContext): Transformer<SourceFile>;

// For tools that read TypeScript without Vue's language service (eslint's type-aware rules):
// a .vue file is a component. vue-tsc and the editor read the real file instead.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}

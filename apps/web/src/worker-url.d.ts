/** Vite's `?worker&url` import: the built worker's path (`/assets/<name>-<hash>.js`). */
declare module '*?worker&url' {
  const url: string;
  export default url;
}

/** Vite's `?worker&url` import: the built worker's path (`/assets/<name>-<hash>.js`). */
declare module '*?worker&url' {
  const url: string;
  // eslint-disable-next-line no-restricted-syntax -- Vite gives these modules a default export
  export default url;
}

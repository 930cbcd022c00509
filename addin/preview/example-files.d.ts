/** The shipped examples the preview opens on, bundled by webpack as `data:` URLs (their bytes as they are: ISO-8859-1). */
declare module '*.csv' {
  const dataUrl: string;
  export default dataUrl;
}

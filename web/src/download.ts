// Saves text or a blob as a file in the user's downloads.
export function downloadText(name: string, mediaType: string, content: string): void {
  downloadBlob(name, new Blob([content], { type: mediaType }));
}

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

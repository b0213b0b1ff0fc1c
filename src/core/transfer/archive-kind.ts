/** What an export location or import archive is, by its name (as Guild decides for zip). */
export type ArchiveKind = "dir" | "zip" | "tar.gz";

export function archiveKindFor(path: string): ArchiveKind {
  const lower = path.toLowerCase();
  if (lower.endsWith(".zip")) return "zip";
  if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) return "tar.gz";
  return "dir";
}

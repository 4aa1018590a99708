/** The request an error or event refers to, with secrets already redacted. */
export interface RequestSummary {
  /** HTTP method. */
  method: string;
  /** Absolute URL including the query string, sensitive parameters redacted. */
  url: string;
  /** Request headers, names lower-cased, sensitive values redacted. */
  headers: Record<string, string>;
}

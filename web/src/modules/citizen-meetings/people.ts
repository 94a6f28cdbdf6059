/** Someone who works on the record and may be named on it (who tried, who makes the next try). */
export interface Colleague {
  id: string;
  name: string;
}

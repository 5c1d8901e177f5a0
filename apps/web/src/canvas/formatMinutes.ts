/** 45 → "45 min", 90 → "1 h 30", 2880 → "2 d": short enough for a badge in both languages. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 60 * 24) {
    const hours = Math.floor(minutes / 60);
    const rest = Math.round(minutes % 60);
    return rest === 0 ? `${hours} h` : `${hours} h ${rest}`;
  }
  const days = Math.round((minutes / (60 * 24)) * 10) / 10;
  return `${days} d`;
}

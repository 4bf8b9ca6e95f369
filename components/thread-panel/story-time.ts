const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** "14:05" today, "Mon 14:05" this week, "3 Nov 14:05" before: short enough for a panel row. */
export function storyTime(at: number, now: number): string {
  const when = new Date(at);
  const time = when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (sameDay(when, new Date(now))) return time;
  const day =
    now - at < 6 * 86_400_000
      ? when.toLocaleDateString([], { weekday: 'short' })
      : when.toLocaleDateString([], { day: 'numeric', month: 'short' });
  return `${day} ${time}`;
}

import { useEffect, useState } from 'react';

/** `value` once it has not changed for `ms` (a search box's text: one request per pause in typing, not per key). */
export function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

// Reads a server-sent-event stream in a test as it arrives: every message's event and data,
// the text so far, and a promise that resolves when the stream ends (or the test aborts it) and
// rejects when it breaks off otherwise.

export interface StreamMessage {
  event: string;
  data: string;
}

export interface EventStreamReader {
  messages: StreamMessage[];
  /** Everything received so far, as text. */
  text(): string;
  /** The data of every message of this event, parsed as JSON. */
  dataOf<T>(event: string): T[];
  reading: Promise<void>;
}

export function readEventStream(response: Response): EventStreamReader {
  const messages: StreamMessage[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  let buffered = '';
  const reading = (async () => {
    for (;;) {
      // Ended by the test's own abort: done. Any other error fails the test that awaits `reading`.
      const { done, value } = await reader.read().catch((error: unknown) => {
        if ((error as Error).name === 'AbortError') return { done: true as const, value: undefined };
        throw error;
      });
      if (done) return;
      const chunk = decoder.decode(value, { stream: true });
      received += chunk;
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const message = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const [, event, data] = /^event: (.*)\ndata: (.*)$/ms.exec(message) ?? [];
        if (event) messages.push({ event, data: data ?? '' });
      }
    }
  })();
  return {
    messages,
    text: () => received,
    dataOf: <T>(event: string) => messages.filter((m) => m.event === event).map((m) => JSON.parse(m.data) as T),
    reading,
  };
}

import pino, { type Logger } from 'pino';

/** The process logger: JSON lines on stdout, level from config. */
export function createLogger(level: string, name: string): Logger {
  return pino({ level, name, redact: ['*.apiKey', '*.authorization', '*.token'] });
}

import pino, { type Logger } from 'pino';

/** The process logger: JSON lines on stdout; tokens and authorization headers are never logged. */
export function createLogger(level: string, name: string): Logger {
  return pino({ level, name, redact: ['req.headers.authorization', '*.token', '*.apiKey'] });
}

import { locateTemporalCli } from './temporal-cli';

/** `npm run temporal:install`: makes sure the pinned Temporal CLI exists on this machine (used by .ci/run). */
async function main(): Promise<void> {
  const source = await locateTemporalCli({ log: (m) => console.log(m), allowDownload: false });
  if (source.kind === 'path') console.log(`Temporal CLI: ${source.path} (${source.from})`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

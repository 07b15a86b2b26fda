// A variant bundle's webhook: `featuregates serve` with the same flags.
import { main } from '@featuregates/cli';

main(['serve', ...process.argv.slice(2)]);

// A variant bundle's webhook: `featuregates serve` with the same flags, and no other command.
import { serveMain } from '@featuregates/cli';

serveMain();

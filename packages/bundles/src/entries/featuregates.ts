// The `featuregates` command of a variant bundle.
import { main } from '@featuregates/cli';

main();

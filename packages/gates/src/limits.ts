/**
 * Every bound on work that user input controls, in one place so that the webhook, the CLI and the
 * config sources agree, and the README's "Limits and hostile input" can name each number.
 */

/**
 * How many path segments deep `evaluate` and `requirements` follow gated fields (an embedded spec
 * nests three a level: `tasks`, `[0]`, `pipelineSpec`): a Pipeline with 41 levels of embedded
 * pipelineSpecs passes, one with 42 or 43 is refused. The webhook, `check`, `requirements` and
 * `review` (which asks the webhook) all decide with this one number.
 */
export const MAX_NESTING_DEPTH = 128;

/** Kubernetes' longest ConfigMap key (a DNS subdomain's length). */
export const MAX_CONFIG_KEY_LENGTH = 253;

/** Kubernetes' ConfigMap key alphabet. */
export const CONFIG_KEY_ALPHABET = /^[-._a-zA-Z0-9]+$/;

/** Unknown config keys reported one by one (each with a "did you mean"); the rest are counted. */
export const MAX_UNKNOWN_KEYS_REPORTED = 20;

/** Characters of a user-supplied key or value echoed in a message, log line, `/readyz` or `/features`. */
export const MAX_ECHOED_LENGTH = 100;

/** Characters of one config error or warning as `/readyz`, `/features` and the logs show it. */
export const MAX_ISSUE_LENGTH = 500;

/**
 * Nodes a YAML file may expand to once its aliases are followed, or one per character of the file
 * if that is more (a file without aliases never has more nodes than characters): an alias bomb of
 * a few kilobytes expands far past it.
 */
export const MAX_YAML_EXPANDED_NODES = 1_000_000;

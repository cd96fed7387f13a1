import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs with the request id on every line. The level comes from
 * POWERTOOLS_LOG_LEVEL (set by CDK; the local stack and tests keep it quiet).
 */
export const logger = new Logger({ serviceName: 'siap-pilkades' });

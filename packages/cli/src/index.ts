/**
 * The `channelkit` command line's configuration: {@link defineConfig} types a `channelkit.config.mjs` (or `.ts`),
 * and {@link EXIT_CODES} names its exit codes. The command itself is the package's `bin`.
 * @module
 */

export {
  type BizconfPartnerConfig,
  type ChannelkitConfig,
  defineConfig,
  type PartnersConfig,
  type UmeetPartnerConfig,
  type ZhumuPartnerConfig,
  type ZoomCommercePartnerConfig,
  type ZoomPartnerConfig,
} from './config/define-config';
export { EXIT_CODES, type ExitCode } from './exit-codes';

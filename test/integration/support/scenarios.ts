/** Every recorded scenario by fixture name (test/fixtures/<name>.jsonl). */
import {
  amiAtxfer,
  amiBlindTransfer,
  amiRedirect,
  confBridge,
  localChannel,
  localChannelNoOptimization,
  queueWithLocalMember,
} from './scenarios-advanced.js';
import {
  basicCall,
  busy,
  callerCancel,
  holdByCaller,
  holdUnhold,
  inboundDid,
  inboundDidRingGroup,
  mixMonitor,
  mixMonitorDialplan,
  outboundTrunk,
  ringGroup,
} from './scenarios-basic.js';
import type { CallScenario } from './scenario-context.js';

export const SCENARIOS: Readonly<Record<string, CallScenario>> = {
  basic_call: basicCall,
  caller_cancel: callerCancel,
  busy,
  ring_group: ringGroup,
  inbound_did: inboundDid,
  inbound_did_ring_group: inboundDidRingGroup,
  outbound_trunk: outboundTrunk,
  hold_unhold: holdUnhold,
  hold_by_caller: holdByCaller,
  mixmonitor: mixMonitor,
  mixmonitor_dialplan: mixMonitorDialplan,
  confbridge: confBridge,
  queue_local_member: queueWithLocalMember,
  local_channel: localChannel,
  local_channel_n: localChannelNoOptimization,
  ami_redirect: amiRedirect,
  ami_blindtransfer: amiBlindTransfer,
  ami_atxfer: amiAtxfer,
};

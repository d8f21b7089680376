/** Event sequences reused by several tests. */
import { Pbx } from './pbx.js';

/** a_basic_call: 100 dials 200, 200 answers, 100 hangs up. Returns marks into the event list. */
export function basicCall(pbx = new Pbx()) {
  const caller = pbx.phone('100', { exten: '200', name: 'Alice' });
  const callee = pbx.phone('200', { name: 'Bob' });
  pbx.raw({ Event: 'NewConnectedLine', Channel: callee.name, Uniqueid: callee.uniqueid });
  pbx.dialBegin(caller, callee, '200');
  const dialling = pbx.events.length;
  pbx.dialState(caller, callee, 'RINGING');
  pbx.newstate(callee, 'Ringing');
  pbx.newstate(callee, 'Up');
  pbx.dialEnd(caller, callee, 'ANSWER');
  pbx.newstate(caller, 'Up');
  pbx.bridgeCreate('b-1');
  pbx.bridgeEnter('b-1', callee);
  pbx.bridgeEnter('b-1', caller);
  const talking = pbx.events.length;
  pbx.bridgeLeave('b-1', caller);
  const callerLeft = pbx.events.length;
  pbx.bridgeLeave('b-1', callee);
  pbx.bridgeDestroy('b-1');
  pbx.hangup(caller);
  pbx.hangup(callee);
  return { pbx, caller, callee, dialling, talking, callerLeft };
}


// Lua scripts of the Redis state store. Each runs atomically on the server and reads the server's clock (TIME), so
// every process sharing the store agrees on leases and time to live. Values are kept as strings, never decoded in
// Lua: what a caller records is returned byte for byte.

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * KEYS[1] idempotency key. ARGV: fingerprint, operation, leaseMs, token, keepMs (how long a running claim's progress
 * outlives its lease). Answers {'mismatch', operation} | {'completed', result} | {'in_progress'} |
 * {'claimed', hasProgress, progress}.
 */
export const CLAIM = `${NOW}
local e = redis.call('HMGET', KEYS[1], 'state', 'fingerprint', 'operation', 'until', 'progress', 'result')
local state, fp, op, untl, progress, result = e[1], e[2], e[3], tonumber(e[4]), e[5], e[6]
local live = state and untl and untl > now
if live and fp ~= ARGV[1] then return {'mismatch', op} end
if live and state == 'completed' then return {'completed', result} end
if live and state == 'running' then return {'in_progress'} end
local inherited = false
if live and state == 'released' then inherited = progress
elseif state == 'running' and fp == ARGV[1] and progress then inherited = progress end
local lease = tonumber(ARGV[3])
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'state', 'running', 'fingerprint', ARGV[1], 'operation', ARGV[2], 'token', ARGV[4],
  'until', now + lease)
if inherited then redis.call('HSET', KEYS[1], 'progress', inherited) end
redis.call('PEXPIREAT', KEYS[1], now + lease + tonumber(ARGV[5]))
if inherited then return {'claimed', '1', inherited} end
return {'claimed', '0', ''}
`;

/** KEYS[1] key. ARGV: token, result, ttlMs. Answers 1 when the token held the claim, else 0. */
export const COMPLETE = `${NOW}
local e = redis.call('HMGET', KEYS[1], 'state', 'token', 'until')
if e[1] ~= 'running' or e[2] ~= ARGV[1] or tonumber(e[3]) <= now then return 0 end
local untl = now + tonumber(ARGV[3])
redis.call('HDEL', KEYS[1], 'token', 'progress')
redis.call('HSET', KEYS[1], 'state', 'completed', 'result', ARGV[2], 'until', untl)
redis.call('PEXPIREAT', KEYS[1], untl)
return 1
`;

/** KEYS[1] key. ARGV: token, keep ('1' or '0'), progress, ttlMs. Answers 1 when the token held the claim, else 0. */
export const RELEASE = `${NOW}
local e = redis.call('HMGET', KEYS[1], 'state', 'token', 'until')
if e[1] ~= 'running' or e[2] ~= ARGV[1] or tonumber(e[3]) <= now then return 0 end
if ARGV[2] ~= '1' then
  redis.call('DEL', KEYS[1])
  return 1
end
local untl = now + tonumber(ARGV[4])
redis.call('HDEL', KEYS[1], 'token')
redis.call('HSET', KEYS[1], 'state', 'released', 'progress', ARGV[3], 'until', untl)
redis.call('PEXPIREAT', KEYS[1], untl)
return 1
`;

/** KEYS[1] lock key. ARGV: owner, token, leaseMs. Answers {'acquired'} | {'held', owner, expiresAt}. */
export const ACQUIRE_LOCK = `${NOW}
local e = redis.call('HMGET', KEYS[1], 'owner', 'until')
if e[1] and tonumber(e[2]) > now then return {'held', e[1], e[2]} end
local untl = now + tonumber(ARGV[3])
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'token', ARGV[2], 'until', untl)
redis.call('PEXPIREAT', KEYS[1], untl)
return {'acquired'}
`;

/** KEYS[1] lock key. ARGV: token, leaseMs ('' to release). Answers 1 when the token held the lock, else 0. */
export const RENEW_OR_RELEASE_LOCK = `${NOW}
local e = redis.call('HMGET', KEYS[1], 'token', 'until')
if e[1] ~= ARGV[1] or not e[2] or tonumber(e[2]) <= now then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
  return 1
end
local untl = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'until', untl)
redis.call('PEXPIREAT', KEYS[1], untl)
return 1
`;

// Outcomes of a plan live in one hash, field = action id, value = '<until ms>|<outcome JSON>'. The hash expires
// with its longest-lived record; a record past its own time is ignored, and replaced when recorded again.

/** KEYS[1] outcomes hash. ARGV: action id, outcome JSON, ttlMs. Answers {1, json} recorded | {0, standing json}. */
export const RECORD_OUTCOME = `${NOW}
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then
  local sep = string.find(current, '|', 1, true)
  if tonumber(string.sub(current, 1, sep - 1)) > now then return {0, string.sub(current, sep + 1)} end
end
local untl = now + tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], untl .. '|' .. ARGV[2])
if redis.call('PEXPIRETIME', KEYS[1]) < untl then redis.call('PEXPIREAT', KEYS[1], untl) end
return {1, ARGV[2]}
`;

/** KEYS[1] outcomes hash. ARGV: action id. Answers the outcome JSON, or false. */
export const GET_OUTCOME = `${NOW}
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return false end
local sep = string.find(current, '|', 1, true)
if tonumber(string.sub(current, 1, sep - 1)) <= now then return false end
return string.sub(current, sep + 1)
`;

/**
 * KEYS[1] action outcomes hash (the report). ARGV: action id, settled ('1' or '0'), outcome JSON, ttlMs. Values are
 * '<settled>|<JSON>'; a settled value is not replaced by an unsettled one.
 */
export const SAVE_ACTION_OUTCOME = `${NOW}
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and string.sub(current, 1, 1) == '1' and ARGV[2] ~= '1' then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
local untl = now + tonumber(ARGV[4])
if redis.call('PEXPIRETIME', KEYS[1]) < untl then redis.call('PEXPIREAT', KEYS[1], untl) end
return 1
`;

// The shared rate limit keeps, per name and category, the moment its next request may be sent (the generic cell
// rate algorithm), in milliseconds with microseconds, on the server's clock. A key outlives its moment by a second
// and then goes: an idle limit starts again from now.
const NOW_PRECISE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
`;

/** KEYS[1] the category's key. ARGV: interval (ms between requests). Answers the wait in milliseconds, as text. */
export const RESERVE = `${NOW_PRECISE}
local at = tonumber(redis.call('GET', KEYS[1]) or '0')
if at < now then at = now end
local next = at + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.3f', next), 'PX', math.ceil(next - now) + 1000)
return string.format('%.3f', at - now)
`;

/** KEYS[1] the category's key. ARGV: ms to hold every reservation back. A shorter hold leaves a longer one. */
export const HOLD = `${NOW_PRECISE}
local untl = now + tonumber(ARGV[1])
local at = tonumber(redis.call('GET', KEYS[1]) or '0')
if at < untl then
  redis.call('SET', KEYS[1], string.format('%.3f', untl), 'PX', math.ceil(untl - now) + 1000)
end
return 1
`;

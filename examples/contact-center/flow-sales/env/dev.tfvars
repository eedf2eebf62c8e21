# Sales line numbers in dev: +1317555xxxx in dev, 556 in test, 557 in prod; each line has
# its own hundred (billing 10xx, support 11xx, sales 12xx), so pools never overlap.
did_pool_start = "+13175551200"
did_pool_end   = "+13175551299"
ivr_dnis       = ["+13175551201", "+13175551202"]

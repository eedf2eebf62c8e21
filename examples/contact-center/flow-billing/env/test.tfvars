# Billing line numbers in test: +1317555xxxx in dev, 556 in test, 557 in prod; each line has
# its own hundred (billing 10xx, support 11xx, sales 12xx), so pools never overlap.
did_pool_start = "+13175561000"
did_pool_end   = "+13175561099"
ivr_dnis       = ["+13175561001", "+13175561002"]

package platform

import "golang.org/x/time/rate"

// rateHeadroom keeps the client at 95% of the org's budget, so that clock differences and
// the odd request from another tool on the same token do not tip it into 429s.
const rateHeadroom = 0.95

// newLimiter builds the client's token bucket for perMinute requests per minute (0 = the
// 300 of real orgs; negative = unlimited, nil). The server's limiter is a bucket holding N
// requests refilled at N per minute, so the client mirrors it: burst and refill both at
// 95% of N.
func newLimiter(perMinute int) *rate.Limiter {
	if perMinute < 0 {
		return nil
	}
	if perMinute == 0 {
		perMinute = defaultRatePerMinute
	}
	budget := rateHeadroom * float64(perMinute)
	return rate.NewLimiter(rate.Limit(budget/60), max(1, int(budget)))
}

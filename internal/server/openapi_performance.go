package server

import "rolefit/internal/quantity"

// The schemas of the performance routes of the API.

var performanceMonthProperties = obj{
	"month":                obj{"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$", "description": "the calendar month, YYYY-MM; not in the future"},
	"new_business_hours":   rangeSchema(quantity.MonthHours, "hours on new business (0 when left out); enough for the revenue at "+revenueRateMax),
	"new_business_revenue": rangeSchema(quantity.MonthlyMoney, "revenue from new business, in the organisation's currency; above 0 only with hours"),
	"service_hours":        rangeSchema(quantity.MonthHours, "hours serving accounts; with new_business_hours at most "+quantity.Format(quantity.MaxMonthHours)+", and enough for the revenue at "+revenueRateMax),
	"service_revenue":      rangeSchema(quantity.MonthlyMoney, "revenue from account service, upsell included; above 0 only with hours"),
}

// revenueRateMax says the most revenue an hour a month's hours may stand
// for: the hours of a month with revenue are its observed rate's divisor.
var revenueRateMax = quantity.Format(quantity.RevenueRate.Max) + " an hour at most"

var performanceMonthSchema = func() obj {
	props := obj{"created_at": dateTime, "updated_at": dateTime}
	for k, v := range performanceMonthProperties {
		props[k] = v
	}
	return obj{"type": "object", "properties": props}
}()

var newPerformanceMonthSchema = func() obj {
	props := obj{"replace": obj{"type": "boolean", "default": false,
		"description": "overwrite the month when it is already recorded; without it, a recorded month is a 409 conflict"}}
	for k, v := range performanceMonthProperties {
		props[k] = v
	}
	return obj{"type": "object", "additionalProperties": false, "required": []string{"month"}, "properties": props}
}()

var performanceSchema = obj{"type": "object", "required": []string{"new_business_rate", "service_rate", "months"}, "properties": obj{
	"new_business_rate": nullable(obj{"type": "number", "description": "observed revenue per hour on new business: total revenue over total hours of the recorded months; null without hours"}),
	"service_rate":      nullable(obj{"type": "number", "description": "observed revenue per hour on account service, likewise; null without hours"}),
	"months":            obj{"type": "array", "description": "the recorded months, oldest first", "items": performanceMonthSchema}}}

// Package marts is the read contract of reports and dashboards: Go row types and the embedded
// queries (queries/*.sql) that fill them from the marts layer of a published warehouse.
//
// It opens the warehouse read-only and its queries read marts.* only, never raw or staging (a
// test checks the SQL). It imports internal/warehouse and nothing else of this module.
package marts

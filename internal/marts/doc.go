// Package marts is the read contract of reports and dashboards: Go row types and the embedded
// queries (queries/*.sql) that fill them from the marts layer of a published warehouse. A mart's
// query, row type, reader and [Bundle] field bear its name (marts.am_attractivite_annuelle:
// queries/am_attractivite_annuelle.sql, [AMAttractiviteAnnuelle], [Reader.AMAttractiviteAnnuelle],
// Bundle.AMAttractiviteAnnuelle); a row type's fields are tagged with their columns (`col:"annee"`),
// which the readers scan by name, and a test checks every query against its row type.
//
// It opens the warehouse read-only and its queries read marts.* only, never raw or staging (a
// test checks the SQL). It imports internal/warehouse and nothing else of this module.
package marts

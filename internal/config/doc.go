// Package config describes a territory: its name and SIREN, the reference year of the reports,
// where its exports, reference data and outputs live, and the thresholds of the indicators.
//
// [Default] describes the Communauté de Communes des Hauts de Flandre; [Load] reads a TOML
// territory file over those defaults and [Config.Validate] explains, in French, what is wrong.
// The package reads only the reader it is given, writes nothing and imports nothing of this
// module.
package config

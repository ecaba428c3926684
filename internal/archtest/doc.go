// Package archtest holds no code: its test checks the architecture of the module, the imports
// each package may have and where a program may exit or print, and that the queries of the
// read contract read the marts only.
package archtest

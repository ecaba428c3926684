// Package frfmt writes numbers, percentages and dates the French way, in one place for every
// output: thousands separated by a narrow no-break space (1 465), decimal comma (12,5), a
// no-break space before % (73,2 %), dates in words (26 juillet 2017), and counts of persons below
// the secret statistique threshold hidden as « < 5 ». It reads and writes nothing and imports
// nothing of this module.
package frfmt

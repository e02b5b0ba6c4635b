/** Architecture rules that every module's protocol core must keep (STYLE.md, rule 1). */
package dev.ds.testkit.arch;

/** A headless browser for tests of what users see. */
package dev.ds.testkit.browser;

/**
 * What the slides module makes from the kit's own sources at build time, so that the decks
 * and the attendee handout never go stale: {@link org.byoaxon.slides.Pictures} (the QR code
 * of the kit's address and the charts of the hackysack results) and {@link
 * org.byoaxon.slides.HandoutStages} (the handout's page per stage, from each chapter's goal
 * and the regions of {@code solutions/}). slides/pom.xml runs them before the decks and the
 * handout are rendered; slides/README.adoc says how to build and present the decks.
 *
 * <p>The tests beside them check what an audience and an attendee see: {@code DecksTest}
 * reads the rendered decks (the Ignite talk's form, includes short enough to read from the
 * back of a room, speaker notes, one page a slide, the tutorial's timing), and {@code
 * PrintedTest} reads the printed handout and handbook back from their PDFs.
 */
package org.byoaxon.slides;

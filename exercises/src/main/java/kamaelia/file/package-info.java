/**
 * Components that read files: {@link kamaelia.file.Follow} follows a growing file like
 * {@code tail -F} (a threaded component, stage 9).
 */
package kamaelia.file;

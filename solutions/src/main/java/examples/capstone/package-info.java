/**
 * The capstone, after stage 9: a batch system that finds files, transcodes each with an
 * external command and uploads the result, and can be stopped at any moment and run again
 * without losing or repeating a file. The handbook's chapter "Capstone: transcode and
 * upload" walks through it.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link examples.capstone.TranscodeAndUpload}: the program and its graphline.</li>
 *   <li>{@link examples.capstone.FindFiles}, {@link examples.capstone.NameFilter} and
 *       {@link examples.capstone.Balancer}: finding the work and sharing it out.</li>
 *   <li>{@link examples.capstone.Transcoder} and {@link examples.capstone.Uploader}, both
 *       {@link examples.capstone.BatchWorker}s: the two kinds of work. A transcoder runs a
 *       {@link examples.capstone.Command} (the kit's {@link examples.capstone.StandInTranscoder}
 *       unless the program is told to use ffmpeg or another command); an uploader delivers to a {@link examples.capstone.Destination},
 *       by default a {@link examples.capstone.LocalFolder}. Both report each file's
 *       {@link examples.capstone.Status}, which {@link examples.capstone.Progress} shows.</li>
 *   <li>{@link examples.capstone.WorkFolders} and {@link examples.capstone.ToUpload}: the state
 *       on disk that makes a restart safe.</li>
 *   <li>{@link examples.capstone.StopButton}: stopping the system from outside (Ctrl-C).</li>
 * </ol>
 */
package examples.capstone;

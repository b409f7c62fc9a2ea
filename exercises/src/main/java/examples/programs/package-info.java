/**
 * Programs to run and to talk to, each a {@code main} built from the kit's components:
 * {@link examples.programs.GrepFile} and {@link examples.programs.TailGrep} (stages 7 and 9),
 * {@link examples.programs.EchoServer} and {@link examples.programs.SharedLogServer} (stage 11), with
 * {@link examples.programs.Soak} to run them for minutes under mixed traffic (its clients:
 * {@code SoakClients}),
 * {@link examples.programs.Console}, {@link examples.programs.NetConsole} and
 * {@link examples.programs.SystemPicture} (stage 12), {@link examples.programs.LiveDemo} and
 * {@link examples.programs.LiveCapstone} (a small system and the capstone, in the live view of
 * stage 12), and {@link examples.programs.IdleCost} (stage 10).
 */
package examples.programs;

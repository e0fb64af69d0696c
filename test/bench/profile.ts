// The bench's CPU profile of the extension host (GLOSSA_BENCH_PROFILE=file.cpuprofile), for a developer.
import * as inspector from 'inspector';

/** Starts the inspector's CPU profiler in this process; the function returned stops it and gives the profile. */
export async function startProfile(): Promise<() => Promise<object>> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<{ profile?: object }>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as { profile?: object }))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    return profile ?? {};
  };
}

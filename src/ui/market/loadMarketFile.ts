/**
 * A team's device joins a market from the facilitator's market file. A module of its own, so the
 * home screen's "join a market" picker does not bring the team's screen (and the decision codes'
 * reader) into the first bundle.
 */
import { useStore } from '../../store/index';
import { readTextFile } from '../shell/files';

/** Loads a market file picked on this device (home's "join" and the device's own picker). */
export function loadMarketFile(f: File | undefined): void {
  if (!f) return;
  const st = useStore.getState();
  void readTextFile(f, st.lang).then((r) => {
    if (r.ok) void useStore.getState().joinMarket({ name: f.name, text: r.text });
    else if ('errors' in r) useStore.getState().notify({ kind: 'fileRejected', fileName: f.name, errors: r.errors });
    else useStore.getState().notify({ kind: 'fileUnreadable', fileName: f.name });
  });
}

import { create } from 'zustand';
import { identityOf, loadParticipant, saveParticipant, type AccountParticipant, type Participant, type ParticipantIdentity } from '../components/presence/participantIdentity.ts';

/** Another person in the map, as their awareness state says; never part of the document. */
export interface Peer extends ParticipantIdentity {
  /** Yjs awareness client id: one per open tab, so one person in two tabs is two peers. */
  clientId: number;
  selectedStepId: string | null;
}

const NO_PEERS: readonly Peer[] = [];

interface PresenceState {
  participant: Participant;
  /** The signed-in account, which is who this person is in every map; null for nobody signed in. */
  account: AccountParticipant | null;
  /** Shown until the person has named themselves; translated by the caller. */
  fallbackName: string;
  peers: readonly Peer[];
  /** Peers by the step they have selected, so a step head reads only its own entry. */
  selectionsByStep: ReadonlyMap<string, readonly Peer[]>;
  followingClientId: number | null;
  setName(name: string): void;
  setAccount(account: AccountParticipant | null): void;
  setFallbackName(name: string): void;
  setPeers(peers: readonly Peer[]): void;
  follow(clientId: number | null): void;
}

function peersSignature(peers: readonly Peer[]): string {
  return peers.map((p) => `${p.clientId}\u0000${p.key}\u0000${p.name}\u0000${p.selectedStepId ?? ''}`).join('\u0001');
}

export const usePresenceStore = create<PresenceState>((set, get) => ({
  participant: loadParticipant(),
  account: null,
  fallbackName: '',
  peers: NO_PEERS,
  selectionsByStep: new Map(),
  followingClientId: null,
  setName: (name) => {
    const participant = { ...get().participant, name: name.trim() };
    saveParticipant(participant);
    set({ participant });
  },
  setAccount: (account) => {
    const current = get().account;
    if (current?.key !== account?.key || current?.name !== account?.name) set({ account });
  },
  setFallbackName: (fallbackName) => set({ fallbackName }),
  // Awareness changes many times a second while cursors move; the peers only change when
  // someone comes, goes, renames or selects, and only then do the map's step heads re-render.
  setPeers: (peers) => {
    if (peersSignature(peers) === peersSignature(get().peers)) return;
    const selectionsByStep = new Map<string, Peer[]>();
    for (const peer of peers) {
      if (peer.selectedStepId) selectionsByStep.set(peer.selectedStepId, [...(selectionsByStep.get(peer.selectedStepId) ?? []), peer]);
    }
    const following = get().followingClientId;
    set({ peers, selectionsByStep, followingClientId: peers.some((p) => p.clientId === following) ? following : null });
  },
  follow: (followingClientId) => set({ followingClientId }),
}));

/** This browser's participant as others see them. */
export function useOwnIdentity(): ParticipantIdentity {
  const participant = usePresenceStore((s) => s.participant);
  const fallbackName = usePresenceStore((s) => s.fallbackName);
  const account = usePresenceStore((s) => s.account);
  return identityOf(participant, fallbackName, account);
}

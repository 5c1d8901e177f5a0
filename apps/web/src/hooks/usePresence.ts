import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { participantKeyOf } from '@klantreis/schema';
import { useEditorStore } from '../stores/editorStore.ts';
import { refreshMe, useMe } from '../queries/session.ts';
import { useOwnIdentity, usePresenceStore, type Peer } from '../stores/presenceStore.ts';
import { publish, remoteStates, type Awareness } from './awareness.ts';

/**
 * Publishes who this person is and which step they selected, and mirrors the other
 * participants into the presence store for the top bar and the map.
 */
export function usePresence(awareness: Awareness | null): void {
  const { t } = useTranslation();
  const identity = useOwnIdentity();
  const fallbackName = t('presence.anonymous');

  useEffect(() => usePresenceStore.getState().setFallbackName(fallbackName), [fallbackName]);

  // A signed-in person is their account in every map: its name, and a key from its id.
  const me = useMe();
  const accountId = me?.user.id ?? null;
  const accountName = me ? me.user.name || me.user.email : '';
  useEffect(() => usePresenceStore.getState().setAccount(accountId ? { key: participantKeyOf(accountId), name: accountName } : null), [accountId, accountName]);

  useEffect(() => {
    if (awareness) publish(awareness, 'user', { key: identity.key, name: identity.name, color: identity.color, initials: identity.initials });
  }, [awareness, identity.key, identity.name, identity.color, identity.initials]);

  useEffect(() => {
    if (!awareness) return undefined;
    publish(awareness, 'selection', useEditorStore.getState().selectedStepId);
    return useEditorStore.subscribe((state, previous) => {
      if (state.selectedStepId !== previous.selectedStepId) publish(awareness, 'selection', state.selectedStepId);
    });
  }, [awareness]);

  useEffect(() => {
    if (!awareness) return undefined;
    const onChange = () => {
      const peers: Peer[] = [];
      for (const [clientId, state] of remoteStates(awareness)) {
        if (!state.user) continue; // connected, but has not said who they are yet
        peers.push({ clientId, ...state.user, selectedStepId: state.selection ?? null });
      }
      peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
      usePresenceStore.getState().setPeers(peers);
    };
    onChange();
    awareness.on('change', onChange);
    return () => {
      awareness.off('change', onChange);
      usePresenceStore.getState().setPeers([]);
    };
  }, [awareness]);
}

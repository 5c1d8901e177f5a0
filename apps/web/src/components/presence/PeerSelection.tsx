import { usePresenceStore } from '../../stores/presenceStore.ts';

/**
 * The outline, in each person's colour, of a step that others have selected, with their
 * names on a tab above it. Only the step heads with a selection subscribe to a change.
 */
export function PeerSelection({ stepId }: { stepId: string }) {
  const peers = usePresenceStore((s) => s.selectionsByStep.get(stepId));
  if (!peers || peers.length === 0) return null;
  return (
    <div className="peer-selection" style={{ borderColor: peers[0]!.color }} data-testid="peer-selection" data-names={peers.map((p) => p.name).join(',')}>
      <ul className="peer-selection__names">
        {peers.map((peer) => (
          <li key={peer.clientId} style={{ background: peer.color }}>
            {peer.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

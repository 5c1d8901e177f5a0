import type { PersonaRecord } from '@klantreis/schema';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function PersonaAvatar({ persona, size = 32 }: { persona: PersonaRecord; size?: number }) {
  if (persona.picture) {
    return <img className="avatar" src={persona.picture} alt={persona.name} width={size} height={size} />;
  }
  return (
    <span className="avatar avatar--initials" style={{ background: persona.color, width: size, height: size, fontSize: size * 0.4 }} role="img" aria-label={persona.name}>
      {initials(persona.name)}
    </span>
  );
}

// The sidebar's entries. A new feature adds its page here and its route in routes.tsx.
export interface NavEntry {
  to: string;
  label: string;
  icon: 'runs' | 'hand' | 'flow' | 'chat';
}

export const NAV: NavEntry[] = [
  { to: '/runs', label: 'Runs', icon: 'runs' },
  { to: '/waits', label: 'Waiting for you', icon: 'hand' },
  { to: '/workflows', label: 'Workflows', icon: 'flow' },
  { to: '/test-chat', label: 'Test chat', icon: 'chat' },
];

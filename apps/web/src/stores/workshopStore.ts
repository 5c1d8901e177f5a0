import { create } from 'zustand';

// This person's own workshop view: whether the dot-voting buttons are shown on the cells.
interface WorkshopState {
  voting: boolean;
  setVoting(voting: boolean): void;
}

export const useWorkshopStore = create<WorkshopState>((set) => ({
  voting: false,
  setVoting: (voting) => set({ voting }),
}));

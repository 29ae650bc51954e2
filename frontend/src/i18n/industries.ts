// The industry chains are data (the operator maintains them; the seeded ones come from the policy,
// migration marketplace/0002), so their Chinese names come from the API. The English names of the
// seeded chains are kept here by code; a chain added later shows its own name in either language.
import type { Locale } from './messages';

const ENGLISH: Record<string, { name: string; description: string }> = {
  new_energy_vehicle: { name: 'New energy vehicles', description: 'Vehicles, power batteries, motors and controls, key components' },
  logistics_equipment: { name: 'Logistics equipment', description: 'Smart warehousing, handling, conveying and sorting equipment' },
  semiconductor_optoelectronics: {
    name: 'Semiconductors and optoelectronics',
    description: 'Power semiconductors, optoelectronic devices, photovoltaic and display materials',
  },
  alloy_materials: { name: 'Alloys and special materials', description: 'Superalloys, special steels, light alloys and advanced metals' },
  biomedicine: { name: 'Biomedicine', description: 'Innovative drugs, medical devices, biomanufacturing and modern Chinese medicine' },
  geoinformation: { name: 'Geographic information', description: 'Geoinformation+, BeiDou navigation, remote sensing and spatio-temporal big data' },
  artificial_intelligence: { name: 'Artificial intelligence', description: 'Algorithms, computing power, machine vision and industry foundation models' },
  intelligent_equipment: { name: 'Intelligent equipment', description: 'High-end equipment, industrial robots and smart manufacturing systems' },
  green_home: { name: 'Green home furnishing', description: 'Green building materials, smart home, wood and bamboo products' },
  digital_economy: { name: 'Digital economy', description: 'Industrial internet, software and digital services' },
  green_energy: { name: 'Green energy', description: 'Hydrogen, energy storage, photovoltaics, energy saving and environmental protection' },
};

interface Industry {
  code: string;
  name: string;
  description?: string;
}

export function industryName(industry: Industry, locale: Locale): string {
  return (locale === 'en-US' && ENGLISH[industry.code]?.name) || industry.name;
}

export function industryDescription(industry: Industry, locale: Locale): string | undefined {
  return (locale === 'en-US' && ENGLISH[industry.code]?.description) || industry.description;
}

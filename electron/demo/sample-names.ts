// Names for demo patients and for the search benchmark: common names from several regions,
// plus made-up ones from syllables, so the vocabulary has the long tail a real register has.

export const givenNames: readonly string[] = (
  'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah ' +
  'Charles Karen Daniel Lisa Matthew Nancy Anthony Betty Mark Margaret Donald Sandra Steven Ashley Paul Kimberly Andrew Emily Joshua ' +
  'Donna Kenneth Michelle Kevin Carol Brian Amanda George Dorothy Timothy Melissa Ronald Deborah Jason Stephanie Edward Rebecca ' +
  'Aarav Vivaan Aditya Vihaan Arjun Sai Reyansh Ayaan Krishna Ishaan Shaurya Atharv Advik Pranav Advaith Aadhya Ananya Diya Pari ' +
  'Anika Navya Angel Myra Sara Ira Riya Priya Rahul Rohit Sanjay Sunita Anjali Pooja Deepak Vikram Lakshmi Meera Kavya Neha Arun ' +
  'Mohammed Ahmed Fatima Aisha Omar Ali Yusuf Hassan Zainab Mariam Ibrahim Khadija Layla Hamza Bilal Noor Amina Tariq Salma Rania ' +
  'Wei Fang Li Jing Min Hui Lei Yan Jun Ming Xiu Hao Ying Chen Yu Mei Lin Tao Kenji Yuki Haruto Sakura Aiko Hiroshi Akira Naomi ' +
  'Jose Maria Juan Carmen Luis Ana Carlos Lucia Miguel Sofia Javier Elena Diego Valentina Pedro Camila Alejandro Isabella Mateo ' +
  'Oluwaseun Chinedu Ngozi Adebayo Amara Kwame Abena Kofi Ama Femi Yetunde Chiamaka Emeka Nia Zola Thandiwe Sipho Lerato Tendai ' +
  'Olga Ivan Dmitri Anastasia Sergei Natalia Pavel Irina Nikolai Tatiana Lukas Emma Noah Mia Elias Hannah Finn Lea Jonas Lena'
).split(' ');

export const familyNames: readonly string[] = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor ' +
  'Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott ' +
  'Sharma Verma Gupta Singh Kumar Patel Shah Mehta Iyer Nair Reddy Rao Joshi Desai Kapoor Malhotra Chopra Banerjee Mukherjee Das ' +
  'Khan Hussain Ahmed Rahman Siddiqui Qureshi Ansari Sheikh Malik Chaudhry Abbasi Farouk Haddad Nasser Saleh Mansour Karimi Hosseini ' +
  'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura ' +
  'Silva Santos Oliveira Souza Pereira Costa Ferreira Almeida Carvalho Gomes Ribeiro Rocha Dias Fernandes Morales Castillo Ortiz ' +
  'Okafor Adeyemi Okonkwo Mensah Boateng Owusu Nkosi Dlamini Mokoena Banda Phiri Mwangi Otieno Kamau Achieng Abiodun Eze Nwosu ' +
  'Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Novak Kowalski Nowak Wisniewski Muller Schmidt Schneider Fischer Weber Meyer Wagner'
).split(' ');

const syllables = 'ka ri to na mi sa lo ve du ra ne ho ta mo ki be la zu pe yo shi an el or in ur ba da fe go ju'.split(' ');

/** A deterministic pseudo-random generator, so benchmarks and demos are the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function madeUpName(random: () => number): string {
  const count = 2 + Math.floor(random() * 2);
  let name = '';
  for (let index = 0; index < count; index += 1) name += pick(random, syllables);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Seven in ten names are common ones; the rest are rarer, made up from syllables. */
export function samplePersonName(random: () => number): { givenName: string; familyName: string } {
  return {
    givenName: random() < 0.7 ? pick(random, givenNames) : madeUpName(random),
    familyName: random() < 0.7 ? pick(random, familyNames) : madeUpName(random),
  };
}

console.log('app site')

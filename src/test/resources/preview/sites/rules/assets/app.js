console.log('assets app')
